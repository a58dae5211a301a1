using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Media;
using NewsPortal.Core.News;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;
using Serilog.Core;

namespace NewsPortal.Tests.Security;

/// <summary>The security suite runs against one portal on real ports, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SecurePortalCollection : ICollectionFixture<SecurePortal>
{
    public const string Name = "Secure portal";
}

/// <summary>
/// The real app with production settings (Security:RequireHttps stays true) on Kestrel, listening on 127.0.0.1 on a
/// plain HTTP port and an HTTPS port with a self-signed certificate made here. Clients address it as
/// https://portal.test:PORT (HSTS is suppressed for localhost names) and connect to 127.0.0.1: nothing else is contacted.
/// </summary>
public sealed class SecurePortal : IAsyncLifetime
{
    public const string HostName = "portal.test";

    public SecurePortal() : this(dataFolder: null) { }

    private SecurePortal(string? dataFolder)
    {
        Factory = dataFolder is null ? new NewsPortalFactory() : NewsPortalFactory.StartingOn(dataFolder);
    }

    /// <summary>A second portal on the data folder of a first one (a restart); the caller owns the folder.</summary>
    public static SecurePortal StartingOn(string dataFolder) => new(dataFolder);

    public NewsPortalFactory Factory { get; }
    public X509Certificate2 Certificate { get; } = SelfSignedCertificate();

    /// <summary>Every event the app logs, at the levels of the real appsettings.json.</summary>
    public CapturedLog Log { get; } = new();

    public int HttpsPort { get; private set; }
    public int HttpPort { get; private set; }
    public Uri HttpsAddress => new($"https://{HostName}:{HttpsPort}");
    public Uri HttpAddress => new($"http://{HostName}:{HttpPort}");

    public Task InitializeAsync()
    {
        // The factory lowers logging to warnings for speed; the security events need the production levels.
        Factory.Settings["Serilog:MinimumLevel:Default"] = "Information";
        // The production limit on uploads per account (the factory raises it for the other suites).
        Factory.Settings.Remove("Security:UploadsPerMinute");
        Factory.TestServices = services =>
        {
            services.AddSingleton<ILogEventSink>(Log);
            services.AddControllersWithViews().ConfigureApplicationPartManager(parts => parts.ApplicationParts.Add(new TestOnlyFaultPart()));
        };
        Factory.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(Certificate));
        });
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        HttpsPort = addresses.Single(a => a.Scheme == "https").Port;
        HttpPort = addresses.Single(a => a.Scheme == "http").Port;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Certificate.Dispose();
    }

    /// <summary>A published item with a stored photo, shared by the tests that only need some item to look at.</summary>
    public Task<NewsItem> SampleItemAsync() => _sampleItem ??= ArrangeSampleItemAsync();
    private Task<NewsItem>? _sampleItem;

    private async Task<NewsItem> ArrangeSampleItemAsync()
    {
        var photo = await Factory.Services.GetRequiredService<MediaStore>().SaveAsync(new MemoryStream(TestImages.TinyPng));
        return await new NewsItemBuilder().Titled($"Security sample {Guid.NewGuid():N}").WithPhoto(photo.FileName!).Tagged("security-sample")
            .SaveAsync(Factory.Services);
    }

    /// <summary>One address of every kind of response the portal gives, for checks that must hold on all of them.</summary>
    public async Task<IReadOnlyList<string>> AddressOfEveryKindAsync()
    {
        var item = await SampleItemAsync();
        return
        [
            "/", "/news", $"/news/{item.Slug}", $"/news/{item.Slug}/timemap", "/news/2012", "/tags/security-sample", "/search?q=commission",
            "/about", "/feed.xml", "/feed.atom", "/tags/security-sample/feed.xml", "/sitemap.xml", "/robots.txt",
            "/css/site.css", "/js/tools.js", $"/media/{item.Photo!.FileName}",
            "/health/live", "/health/ready", $"/no-such-page-{Guid.NewGuid():N}", TestOnlyFaultController.Path,
            "/admin/login", "/admin", "/admin/items",
        ];
    }

    /// <summary>A browser-like visitor over HTTPS (or plain HTTP): own cookie jar, no redirects followed.</summary>
    public PortalVisitor NewVisitor(bool plainHttp = false) => new(this, plainHttp);

    /// <summary>
    /// A client that resolves portal.test (and localhost) to 127.0.0.1 and trusts exactly this portal's certificate.
    /// Redirects are not followed; responses are not decompressed, so headers are seen as sent.
    /// </summary>
    public HttpClient NewClient(CookieContainer? cookies = null, bool plainHttp = false)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = ConnectToLoopbackAsync,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString(),
            },
        };
        return new HttpClient(handler) { BaseAddress = plainHttp ? HttpAddress : HttpsAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    private static async ValueTask<Stream> ConnectToLoopbackAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        if (context.DnsEndPoint.Host is not (HostName or "localhost"))
            throw new InvalidOperationException($"The security suite only talks to the portal on 127.0.0.1, not to {context.DnsEndPoint.Host}.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={HostName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(HostName);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        // Through PKCS#12 so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>Adds only <see cref="TestOnlyFaultController"/> to the app, not the whole test assembly.</summary>
    private sealed class TestOnlyFaultPart : ApplicationPart, IApplicationPartTypeProvider
    {
        public override string Name => "Security suite fault route";
        public IEnumerable<System.Reflection.TypeInfo> Types => [typeof(TestOnlyFaultController).GetTypeInfo()];
    }
}
