using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Areas.Admin.Models;

public sealed class AuthenticatorModel
{
    public bool IsEnabled { get; set; }
    public string SharedKey { get; set; } = "";
    public string AuthenticatorUri { get; set; } = "";
    public string QrCodeSvg { get; set; } = "";
    public int RecoveryCodesLeft { get; set; }

    /// <summary>Shown once, right after they are generated.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; set; } = [];

    /// <summary>The "turn on" form was sent again after it had worked: its recovery codes were in the earlier answer.</summary>
    public bool TurnedOnByEarlierRequest { get; set; }

    [Required(ErrorMessage = "Enter the code your app shows."), StringLength(10)]
    [Display(Name = "Verification code")]
    public string Code { get; set; } = "";
}
