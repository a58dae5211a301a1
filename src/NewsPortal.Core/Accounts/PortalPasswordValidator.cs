using Microsoft.AspNetCore.Identity;

namespace NewsPortal.Core.Accounts;

/// <summary>
/// ASVS rules Identity's options cannot express: at most 128 characters, and no well-known or
/// trivially guessable password (the minimum length of 12 and "no composition rules" are set in options).
/// </summary>
public sealed class PortalPasswordValidator : IPasswordValidator<PortalUser>
{
    public const int MaxLength = 128;

    // Long passwords that still top breach lists, plus patterns checked below.
    private static readonly HashSet<string> CommonPasswords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password1234", "password12345", "password123456", "passwordpassword", "123456789012", "1234567890123",
        "12345678901234", "qwertyuiopas", "qwertyuiop123", "qwertyuiop1234", "1q2w3e4r5t6y", "1qaz2wsx3edc",
        "iloveyou1234", "letmein12345", "welcome12345", "administrator", "administrator1", "admin1234567",
        "changeme1234", "trustno11234", "football1234", "baseball1234", "starwars1234", "princess1234",
        "superman1234", "monkey123456", "dragon123456", "sunshine1234", "abcdefghijkl", "abc123456789",
        "qazwsxedcrfv", "zaq12wsxcde3", "asdfghjkl123", "newsportal123", "newsportal1234",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (password is null) return Task.FromResult(IdentityResult.Success);
        if (password.Length > MaxLength)
            return Failed("PasswordTooLong", $"Passwords can be at most {MaxLength} characters long.");
        if (CommonPasswords.Contains(password) || password.Distinct().Count() <= 2 || IsSequence(password))
            return Failed("PasswordTooCommon", "This password is too common; choose a longer phrase of your own.");
        var localPart = user.Email?.Split('@')[0];
        if (localPart is { Length: >= 4 } && password.Contains(localPart, StringComparison.OrdinalIgnoreCase))
            return Failed("PasswordContainsEmail", "The password must not contain your e-mail name.");
        return Task.FromResult(IdentityResult.Success);
    }

    private static bool IsSequence(string password)
    {
        for (var i = 1; i < password.Length; i++)
            if (password[i] - password[i - 1] != 1) return false;
        return true;
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
