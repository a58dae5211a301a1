using System.Security.Cryptography.X509Certificates;
using NewsPortal.Core.Storage;

namespace NewsPortal.Hosting;

/// <summary>
/// The "DataProtection" section. The keys that seal sign-in cookies and antiforgery tokens live in the database (and so
/// in every backup); with a certificate they are stored encrypted with it, and a stolen database or backup alone cannot
/// forge a session. The certificate (PKCS#12 with its private key) is mounted as a secret, never kept in the database.
/// </summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>Path of a .pfx file, e.g. /run/secrets/newsportal-keys.pfx. Empty: keys are stored unencrypted.</summary>
    public string? KeyCertificatePath { get; set; }

    /// <summary>Its password; give it as the environment variable DataProtection__KeyCertificatePassword.</summary>
    public string? KeyCertificatePassword { get; set; }

    /// <summary>Read when the portal starts; a named but missing or unusable certificate stops the start.</summary>
    public X509Certificate2? LoadCertificate()
    {
        if (string.IsNullOrWhiteSpace(KeyCertificatePath)) return null;
        if (!File.Exists(KeyCertificatePath))
            throw new StorageException($"DataProtection:KeyCertificatePath names {KeyCertificatePath}, which does not exist.");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(KeyCertificatePath, KeyCertificatePassword);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new StorageException($"The certificate in {KeyCertificatePath} cannot be read ({e.Message}); check DataProtection__KeyCertificatePassword.", e);
        }
        if (!certificate.HasPrivateKey)
            throw new StorageException($"The certificate in {KeyCertificatePath} has no private key, so it cannot decrypt the keys it protects.");
        return certificate;
    }
}
