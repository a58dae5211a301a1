using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Areas.Admin.Models;

public sealed class ChangePasswordModel
{
    [Required(ErrorMessage = "Enter your current password."), DataType(DataType.Password), StringLength(1024)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Enter a new password."), DataType(DataType.Password), StringLength(1024)]
    [Display(Name = "New password (at least 12 characters)")]
    public string NewPassword { get; set; } = "";

    [DataType(DataType.Password), Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = "";
}
