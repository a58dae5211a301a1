using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Areas.Admin.Models;

public sealed class NewUserModel
{
    [Required(ErrorMessage = "Enter the e-mail address."), EmailAddress(ErrorMessage = "Enter a valid e-mail address."), StringLength(256)]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [Display(Name = "Administrator (can manage users)")]
    public bool IsAdmin { get; set; }
}
