using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

/// <summary>
/// SEC-47: with DataProtection:KeyCertificatePath set, the keys that seal sessions are stored encrypted, so the database
/// (or a backup of it) alone cannot forge or read a sign-in cookie.
/// </summary>
public sealed class KeyProtectionTests : IDisposable
{
    private const string CertificatePassword = "test certificate password";
    private readonly string _dataFolder = NewsPortalFactory.NewDataFolder();
    private readonly string _certificatePath;

    public KeyProtectionTests()
    {
        Directory.CreateDirectory(_dataFolder);
        _certificatePath = Path.Combine(_dataFolder, "keys.pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=NewsPortal key protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_certificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    private NewsPortalFactory Portal(bool withCertificate)
    {
        var portal = NewsPortalFactory.StartingOn(_dataFolder);
        if (withCertificate)
        {
            portal.Settings["DataProtection:KeyCertificatePath"] = _certificatePath;
            portal.Settings["DataProtection:KeyCertificatePassword"] = CertificatePassword;
        }
        return portal;
    }

    [Fact]
    public async Task SEC_47_keys_are_stored_encrypted_with_the_configured_certificate()
    {
        await using var portal = Portal(withCertificate: true);
        await EditorSession.SignInAsync(portal);

        var keys = await portal.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml!);
            Assert.DoesNotContain("<value>", xml!);
        });
    }

    [Fact]
    [Trait("Database", TestDatabase.SqliteOnly)]
    public async Task SEC_47_a_session_survives_a_restart_with_the_certificate_and_is_worthless_without_it()
    {
        EditorSession editor;
        await using (var first = Portal(withCertificate: true))
            editor = await EditorSession.SignInAsync(first);

        HttpStatusCode withCertificate;
        await using (var second = Portal(withCertificate: true))
            withCertificate = (await second.CreateBrowserLikeClient(editor.Cookies).GetAsync("/admin/items")).StatusCode;

        // The same database without the certificate: the stored keys cannot be decrypted, so the cookie opens nothing.
        HttpResponseMessage withoutCertificate;
        await using (var third = Portal(withCertificate: false))
            withoutCertificate = await third.CreateBrowserLikeClient(editor.Cookies).GetAsync("/admin/items");

        Assert.Equal(HttpStatusCode.OK, withCertificate);
        Assert.Equal(HttpStatusCode.Redirect, withoutCertificate.StatusCode);
        Assert.StartsWith("https://localhost/admin/login", withoutCertificate.Headers.Location!.ToString());
    }
}
