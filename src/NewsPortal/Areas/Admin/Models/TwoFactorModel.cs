using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Areas.Admin.Models;

public sealed class TwoFactorModel
{
    [Required(ErrorMessage = "Enter the code."), StringLength(20)]
    [Display(Name = "Code")]
    public string Code { get; set; } = "";

    /// <summary>True when the code is one of the recovery codes rather than from the authenticator app.</summary>
    public bool IsRecoveryCode { get; set; }

    public string? ReturnUrl { get; set; }
}
