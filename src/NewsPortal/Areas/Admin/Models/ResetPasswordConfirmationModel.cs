namespace NewsPortal.Areas.Admin.Models;

/// <summary>The confirmation page of a password reset; <see cref="Confirmation"/> makes its form work once.</summary>
public sealed record ResetPasswordConfirmationModel(string UserId, string Email, string Confirmation);
