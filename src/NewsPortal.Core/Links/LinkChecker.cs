using System.Net;
using Microsoft.Extensions.Options;

namespace NewsPortal.Core.Links;

public sealed record LinkCheckResult(LinkState State, string Detail);

/// <summary>
/// Asks one address whether it still answers: HEAD first (GET when a server refuses HEAD, reading headers only).
/// Redirects are followed by hand, at most five, and only to allowed hosts: the portal never requests a host it was
/// not told it may. Its HttpClient (Hosting/LinkWatching) follows no redirects and sends no cookies.
/// </summary>
public sealed class LinkChecker(HttpClient http, IOptions<LinkWatchOptions> options)
{
    private const int MaxRedirects = 5;

    public async Task<LinkCheckResult> CheckAsync(Uri address, CancellationToken ct)
    {
        var limits = options.Value;
        for (var redirects = 0; ; redirects++)
        {
            var (answer, failure) = await AskAsync(address, limits.RequestTimeout, ct);
            using var response = answer;
            if (response is null) return new(LinkState.Broken, failure!);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300) return new(LinkState.Working, Describe(response.StatusCode));
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var next = location.IsAbsoluteUri ? location : new Uri(address, location);
                if (!limits.Allows(next)) return new(LinkState.MovedAway, $"moves to {next.AbsoluteUri}");
                if (redirects == MaxRedirects) return new(LinkState.Broken, $"more than {MaxRedirects} redirects");
                address = next;
                continue;
            }
            return new(LinkState.Broken, Describe(response.StatusCode));
        }
    }

    private async Task<(HttpResponseMessage? Response, string? Failure)> AskAsync(Uri address, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, address), HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (response.StatusCode is not (HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented)) return (response, null);
            response.Dispose();
            return (await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, address), HttpCompletionOption.ResponseHeadersRead, deadline.Token), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"no answer within {timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            // Refused, reset, unknown host, TLS failure: to a reader, the link does not work.
            return (null, $"no connection ({e.HttpRequestError})");
        }
    }

    // "404 Not Found"; a code without a name stays a number.
    private static string Describe(HttpStatusCode status) => Enum.IsDefined(status)
        ? $"{(int)status} {System.Text.RegularExpressions.Regex.Replace(status.ToString(), "(?<=[a-z])(?=[A-Z])", " ")}"
        : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
