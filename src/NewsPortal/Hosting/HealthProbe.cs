namespace NewsPortal.Hosting;

/// <summary>
/// `NewsPortal healthcheck`: exits 0 when the portal on this machine answers /health/ready. The runtime
/// image has no curl, and a probe that builds the whole app every 30 seconds would cost more than the check.
/// </summary>
public static class HealthProbe
{
    public static bool IsCommand(string[] args) => args is ["healthcheck", ..];

    public static async Task<int> RunAsync()
    {
        // ASPNETCORE_HTTP_PORTS is how the container sets the port ("8080", or a list "8080;8081").
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        var port = string.IsNullOrWhiteSpace(ports) ? "8080" : ports.Split(';', ',')[0].Trim();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync($"http://127.0.0.1:{port}/health/ready");
            Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"unreachable: {e.Message}");
            return 1;
        }
    }
}
