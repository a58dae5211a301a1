using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Areas.Admin.Models;

public sealed class LoginModel
{
    [Required(ErrorMessage = "Enter your e-mail address."), EmailAddress(ErrorMessage = "Enter a valid e-mail address."), StringLength(256)]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password."), DataType(DataType.Password), StringLength(1024)]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}
