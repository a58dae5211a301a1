using System.Net;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

public sealed class LowLoginLimitFactory : NewsPortalFactory
{
    public LowLoginLimitFactory() => Settings["Security:LoginAttemptsPerMinute"] = "3";
}

/// <summary>SEC-06: sign-in attempts per client are limited; the answer is 429 with Retry-After, not 503.</summary>
public sealed class RateLimitTests(LowLoginLimitFactory factory) : IClassFixture<LowLoginLimitFactory>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_are_answered_with_429_and_a_retry_time()
    {
        var session = new EditorSession(factory, "anyone@example.org", "whatever");
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var (_, page) = await session.GetAsync("/admin/login");
            var values = EditorSession.FormValues(page.QuerySelector("form[action='/admin/login']")!);
            values["Email"] = $"user{attempt}@example.org";
            values["Password"] = "wrong password here";
            var request = new HttpRequestMessage(HttpMethod.Post, "/admin/login") { Content = new FormUrlEncodedContent(values) };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{attempt}");
            var response = await session.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single()) > 0);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
