using System.Net;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

public sealed class TrustedProxyFactory : NewsPortalFactory
{
    public TrustedProxyFactory() => Settings["Proxy:KnownProxies:0"] = "127.0.0.1";
}

/// <summary>SEC-50: forwarded headers count only from the configured proxy; plain HTTP to the admin area is refused clearly.</summary>
public sealed class ProxyTests(TrustedProxyFactory proxied) : IClassFixture<TrustedProxyFactory>
{
    [Fact]
    public async Task Behind_the_configured_proxy_https_ends_at_the_proxy_and_sign_in_works()
    {
        var client = proxied.CreateDefaultClient(new Uri("http://localhost"), new ForwardedProtoHandler());

        var response = await client.GetAsync("/admin/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-np-af=") && c.Contains("secure"));
    }

    [Fact]
    public async Task Without_a_configured_proxy_the_forwarded_scheme_is_ignored_and_the_refusal_explains()
    {
        using var direct = new NewsPortalFactory();
        var client = direct.CreateDefaultClient(new Uri("http://localhost"), new ForwardedProtoHandler());

        var response = await client.GetAsync("/admin/login");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("The admin area needs HTTPS.", await response.Content.ReadAsStringAsync());
    }

    private sealed class ForwardedProtoHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            return base.SendAsync(request, ct);
        }
    }
}
