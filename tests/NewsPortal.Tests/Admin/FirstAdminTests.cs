using System.Net;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

public sealed class FirstAdminFromEnvironmentFactory : NewsPortalFactory
{
    public const string Email = "first-admin@example.org";
    public const string Password = "the operator's chosen passphrase";

    public FirstAdminFromEnvironmentFactory()
    {
        Settings["Admin:Email"] = Email;
        Settings["Admin:Password"] = Password;
    }
}

/// <summary>SEC-09: no default account; the first administrator comes from the operator.</summary>
public sealed class FirstAdminTests(FirstAdminFromEnvironmentFactory factory) : IClassFixture<FirstAdminFromEnvironmentFactory>
{
    [Fact]
    public async Task The_first_admin_is_created_from_the_environment_on_first_start()
    {
        var admin = new EditorSession(factory, FirstAdminFromEnvironmentFactory.Email, FirstAdminFromEnvironmentFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(FirstAdminFromEnvironmentFactory.Email, FirstAdminFromEnvironmentFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin/users")).StatusCode);
    }

    [Theory]
    [InlineData("admin@example.com", "Password123!")]
    [InlineData("admin", "admin")]
    [InlineData("admin@localhost", "admin")]
    public async Task No_default_account_exists(string email, string password)
    {
        using var fresh = new NewsPortalFactory();
        var session = new EditorSession(fresh, email, password);

        Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync(email, password)).StatusCode);
    }

    [Fact]
    public async Task The_create_admin_command_makes_an_administrator_with_a_password_from_the_environment()
    {
        using var target = new NewsPortalFactory();
        var email = $"cli-admin-{Guid.NewGuid():N}@example.org";
        const string password = "a passphrase given on the command line";
        var (exitCode, output) = await PortalCommand.RunAsync(target, new() { ["NEWSPORTAL_ADMIN_PASSWORD"] = password }, "create-admin", "--email", email);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Administrator {email} created.", output);
        var admin = new EditorSession(target, email, password);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(email, password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin/users")).StatusCode);
    }
}
