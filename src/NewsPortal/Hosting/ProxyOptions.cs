namespace NewsPortal.Hosting;

/// <summary>
/// The "Proxy" section: the load balancers or reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are
/// believed. Empty (the default) means none: the headers are ignored, so nobody can spoof an address or HTTPS.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Proxy addresses, e.g. ["10.0.0.5"].</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. ["10.0.0.0/24"].</summary>
    public string[] KnownNetworks { get; set; } = [];
}
