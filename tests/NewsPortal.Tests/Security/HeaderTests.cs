using System.Net;

namespace NewsPortal.Tests.Security;

/// <summary>
/// SEC-28, SEC-35..SEC-42: the headers every response carries, read over a real HTTPS connection to portal.test, on
/// every kind of response (pages, error pages, static files, feeds, photos, health, redirects).
/// </summary>
[Collection(SecurePortalCollection.Name)]
public sealed class HeaderTests(SecurePortal portal)
{
    [Fact]
    public async Task SEC_36_every_kind_of_response_says_nosniff()
    {
        var failures = await ForEveryKindAsync(response =>
            response.Value("X-Content-Type-Options") is "nosniff" ? null : $"X-Content-Type-Options: {response.Value("X-Content-Type-Options") ?? "(missing)"}");

        SecurityAssert.NoFailures(failures);
    }

    [Fact]
    public async Task SEC_35_every_response_has_a_content_security_policy_that_refuses_inline_script_plugins_base_and_foreign_forms()
    {
        var failures = await ForEveryKindAsync(response => response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/media/")
            ? PhotoPolicyProblem(response)
            : PagePolicyProblem(response));

        SecurityAssert.NoFailures(failures);
    }

    [Fact]
    public async Task SEC_38_no_response_may_be_framed()
    {
        var failures = await ForEveryKindAsync(response =>
        {
            if (response.Value("X-Frame-Options") is not { } frameOptions || !frameOptions.Equals("DENY", StringComparison.OrdinalIgnoreCase))
                return $"X-Frame-Options: {response.Value("X-Frame-Options") ?? "(missing)"}";
            var policies = response.ContentSecurityPolicies();
            // Photos: default-src 'none' with sandbox; a sandboxed image document cannot act even if framed.
            if (response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/media/"))
                return policies.Any(p => Sources(p, "default-src") is ["'none'"]) ? null : "photo without default-src 'none'";
            return policies.Any(p => Sources(p, "frame-ancestors") is ["'none'"]) ? null : "no frame-ancestors 'none'";
        });

        SecurityAssert.NoFailures(failures);
    }

    [Fact]
    public async Task SEC_37_https_responses_carry_hsts_for_a_year_with_subdomains()
    {
        var failures = await ForEveryKindAsync(response =>
        {
            var hsts = response.Value("Strict-Transport-Security");
            if (hsts is null) return "no Strict-Transport-Security";
            var parts = hsts.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var maxAge = parts.Select(p => p.Split('=')).Where(p => p[0].Equals("max-age", StringComparison.OrdinalIgnoreCase) && p.Length == 2)
                .Select(p => long.TryParse(p[1], out var seconds) ? seconds : 0).FirstOrDefault();
            var subdomains = parts.Any(p => p.Equals("includeSubDomains", StringComparison.OrdinalIgnoreCase));
            return maxAge >= 31_536_000 && subdomains ? null : $"Strict-Transport-Security: {hsts}";
        });

        SecurityAssert.NoFailures(failures);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/news?page=2")]
    [InlineData("/admin/login")]
    [InlineData("/search?q=commission")]
    public async Task SEC_37_plain_http_is_redirected_to_the_same_address_over_https_without_hsts(string path)
    {
        using var http = portal.NewClient(plainHttp: true);

        var response = await http.GetAsync(path);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.MovedPermanently, HttpStatusCode.TemporaryRedirect, HttpStatusCode.PermanentRedirect });
        Assert.Equal(new Uri(portal.HttpsAddress, path), response.Headers.Location);
        Assert.Null(response.Value("Strict-Transport-Security"));
        Assert.Empty(response.Values("Set-Cookie"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/login")]
    [InlineData("/health/live")]
    public async Task SEC_36_SEC_38_plain_http_answers_carry_the_same_walls_but_no_hsts(string path)
    {
        using var http = portal.NewClient(plainHttp: true);

        var response = await http.GetAsync(path);

        Assert.Equal("nosniff", response.Value("X-Content-Type-Options"));
        Assert.Equal("DENY", response.Value("X-Frame-Options"));
        Assert.Contains(response.ContentSecurityPolicies(), p => p.TryGetValue("frame-ancestors", out var s) && s is ["'none'"]);
        Assert.Null(response.Value("Server"));
        Assert.Null(response.Value("Strict-Transport-Security"));
    }

    [Fact]
    public async Task SEC_39_public_pages_send_the_origin_only_across_sites_and_admin_pages_send_no_referrer()
    {
        var item = await portal.SampleItemAsync();
        using var editor = await PortalVisitor.SignedInAsync(portal);
        using var reader = portal.NewClient();
        var failures = new List<string>();

        foreach (var path in new[] { "/", "/news", $"/news/{item.Slug}", "/search?q=commission", "/about", $"/no-such-page-{Guid.NewGuid():N}" })
        {
            var policy = (await reader.GetAsync(path)).Value("Referrer-Policy");
            if (policy != "strict-origin-when-cross-origin") failures.Add($"{path}: Referrer-Policy: {policy ?? "(missing)"}");
        }
        foreach (var path in new[] { "/admin/items", $"/admin/items/{item.Id}/edit", $"/admin/items/{item.Id}/history", "/admin/account" })
        {
            var policy = (await editor.Client.GetAsync(path)).Value("Referrer-Policy");
            if (policy != "no-referrer") failures.Add($"{path} (signed in): Referrer-Policy: {policy ?? "(missing)"}");
        }
        var loginPolicy = (await reader.GetAsync("/admin/login")).Value("Referrer-Policy");
        if (loginPolicy != "no-referrer") failures.Add($"/admin/login: Referrer-Policy: {loginPolicy ?? "(missing)"}");

        SecurityAssert.NoFailures(failures);
    }

    [Fact]
    public async Task SEC_40_no_response_names_the_server_or_framework()
    {
        var failures = await ForEveryKindAsync(response =>
        {
            var banners = new[] { "Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version", "X-SourceFiles" }
                .Where(name => response.Values(name).Count > 0).Select(name => $"{name}: {response.Value(name)}").ToList();
            return banners.Count == 0 ? null : string.Join("; ", banners);
        });

        SecurityAssert.NoFailures(failures);
    }

    [Theory]
    [InlineData("/swagger")]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger/v1/swagger.json")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/_framework/aspnetcore-browser-refresh.js")]
    [InlineData("/elmah.axd")]
    [InlineData("/elmah")]
    [InlineData("/metrics")]
    [InlineData("/env")]
    [InlineData("/trace.axd")]
    public async Task SEC_40_no_debug_or_documentation_endpoint_exists_in_production(string path)
    {
        using var client = portal.NewClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SEC_40_a_debug_query_parameter_changes_nothing()
    {
        using var client = portal.NewClient();

        var plain = await client.GetAsync(TestOnlyFaultController.Path);
        var debug = await client.GetAsync(TestOnlyFaultController.Path + "?debug=1&showDetails=true&aspnetcore_environment=Development");

        Assert.Equal(plain.StatusCode, debug.StatusCode);
        Assert.DoesNotContain("SqliteException", await debug.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("TRACE", "/")]
    [InlineData("TRACE", "/admin/login")]
    [InlineData("PUT", "/")]
    [InlineData("PUT", "/news")]
    [InlineData("DELETE", "/")]
    [InlineData("DELETE", "/feed.xml")]
    [InlineData("PATCH", "/about")]
    [InlineData("DELETE", "/css/site.css")]
    [InlineData("PUT", "/media/anything.png")]
    public async Task SEC_41_methods_a_page_does_not_need_are_refused(string method, string path)
    {
        using var client = portal.NewClient();
        var item = await portal.SampleItemAsync();
        path = path.Replace("anything.png", item.Photo!.FileName);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("X-Echo-Probe", "trace-me");

        var response = await client.SendAsync(request);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound });
        Assert.DoesNotContain("trace-me", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/feed.xml")]
    [InlineData("/admin/login")]
    [InlineData("/admin/items")]
    public async Task SEC_41_no_cross_origin_access_is_granted(string path)
    {
        using var editor = await PortalVisitor.SignedInAsync(portal);
        var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        var simple = new HttpRequestMessage(HttpMethod.Get, path);
        simple.Headers.Add("Origin", "https://evil.example");

        var responses = new[] { await editor.Client.SendAsync(preflight), await editor.Client.SendAsync(simple) };

        foreach (var response in responses)
        {
            Assert.Null(response.Value("Access-Control-Allow-Origin"));
            Assert.Null(response.Value("Access-Control-Allow-Credentials"));
            Assert.False((int)response.StatusCode is >= 200 and < 300 && response.RequestMessage!.Method == HttpMethod.Options,
                $"OPTIONS {path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task SEC_42_admin_pages_are_never_stored_by_browsers_or_caches()
    {
        var item = await portal.SampleItemAsync();
        using var editor = await PortalVisitor.SignedInAsync(portal);
        var failures = new List<string>();

        foreach (var path in new[] { "/admin", "/admin/items", $"/admin/items/{item.Id}/edit", $"/admin/items/{item.Id}/history",
                     $"/admin/items/{item.Id}/delete", $"/admin/items/{item.Id}/preview", "/admin/items/new", "/admin/import", "/admin/account", "/admin/login" })
        {
            var response = await editor.Client.GetAsync(path);
            var cacheControl = response.Headers.CacheControl;
            if (cacheControl is not { NoStore: true } || cacheControl.Public)
                failures.Add($"{path}: {(int)response.StatusCode} Cache-Control: {cacheControl?.ToString() ?? "(missing)"}");
        }

        SecurityAssert.NoFailures(failures);
    }

    [Fact]
    public async Task SEC_42_public_pages_are_cached_with_validators_and_a_response_that_sets_a_cookie_is_never_replayed()
    {
        var item = await portal.SampleItemAsync();
        var failures = new List<string>();

        foreach (var path in new[] { "/", "/news", $"/news/{item.Slug}", "/feed.xml", "/admin/login" })
        {
            // Two strangers in turn: a cached response carrying the first one's cookie must never reach the second.
            using var first = portal.NewClient();
            using var second = portal.NewClient();
            var a = await first.GetAsync(path);
            var b = await second.GetAsync(path);
            var shared = a.Values("Set-Cookie").Intersect(b.Values("Set-Cookie")).ToList();
            if (shared.Count > 0) failures.Add($"{path}: the same Set-Cookie went to two visitors: {shared[0]}");
            if (a.Values("Set-Cookie").Count > 0 && a.Headers.CacheControl is { Public: true })
                failures.Add($"{path}: a response setting a cookie is public ({a.Headers.CacheControl})");
            if (path.StartsWith("/admin")) continue;
            if (a.Headers.CacheControl is not { Public: true, NoCache: true } || a.Headers.ETag is null)
                failures.Add($"{path}: Cache-Control: {a.Headers.CacheControl?.ToString() ?? "(missing)"}, ETag: {a.Headers.ETag?.ToString() ?? "(missing)"}");
        }

        SecurityAssert.NoFailures(failures);
    }

    [Fact]
    public async Task SEC_42_a_public_page_fetched_by_a_signed_in_editor_never_hands_their_session_cookie_to_the_next_reader()
    {
        var item = await portal.SampleItemAsync();
        using var editor = await PortalVisitor.SignedInAsync(portal);
        using var stranger = portal.NewClient();

        // The editor's visit (with the session cookie) comes first; the stranger must get a page without any cookie of it.
        var editorsPage = await editor.Client.GetAsync($"/news/{item.Slug}");
        var response = await stranger.GetAsync($"/news/{item.Slug}");

        // The editor's response renews the session cookie (sessions are re-validated on every request in the tests).
        Assert.Contains(editorsPage.Values("Set-Cookie"), cookie => cookie.StartsWith("__Host-np-auth="));
        Assert.DoesNotContain(response.Values("Set-Cookie"), cookie => cookie.StartsWith("__Host-np-auth="));
    }

    [Fact]
    public async Task SEC_28_text_responses_name_their_type_and_utf8()
    {
        var item = await portal.SampleItemAsync();
        using var client = portal.NewClient();
        var expected = new Dictionary<string, string>
        {
            ["/"] = "text/html", [$"/news/{item.Slug}"] = "text/html", ["/search?q=commission"] = "text/html",
            [$"/no-such-page-{Guid.NewGuid():N}"] = "text/html", [TestOnlyFaultController.Path] = "text/html", ["/admin/login"] = "text/html",
            ["/feed.xml"] = "application/rss+xml", ["/feed.atom"] = "application/atom+xml", ["/sitemap.xml"] = "application/xml",
            ["/robots.txt"] = "text/plain", ["/css/site.css"] = "text/css", ["/js/tools.js"] = "text/javascript",
            [$"/news/{item.Slug}/timemap"] = "application/link-format",
        };
        var failures = new List<string>();

        foreach (var (path, mediaType) in expected)
        {
            var contentType = (await client.GetAsync(path)).Content.Headers.ContentType;
            if (contentType?.MediaType != mediaType || !string.Equals(contentType.CharSet, "utf-8", StringComparison.OrdinalIgnoreCase))
                failures.Add($"{path}: Content-Type: {contentType?.ToString() ?? "(missing)"}, expected {mediaType}; charset=utf-8");
        }

        SecurityAssert.NoFailures(failures);
    }

    [Theory]
    [InlineData("json", "application/json", "newsportal-export.json")]
    [InlineData("markdown", "application/zip", "newsportal-export.zip")]
    public async Task SEC_28_downloads_have_their_type_and_a_fixed_file_name(string format, string mediaType, string fileName)
    {
        using var editor = await PortalVisitor.SignedInAsync(portal);

        var response = await editor.Client.GetAsync($"/admin/export?format={format}", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    /// <summary>Requests each kind of address (anonymous, over HTTPS) and collects "path: problem" for each that fails the check.</summary>
    private async Task<List<string>> ForEveryKindAsync(Func<HttpResponseMessage, string?> problem)
    {
        using var client = portal.NewClient();
        var failures = new List<string>();
        foreach (var path in await portal.AddressOfEveryKindAsync())
        {
            var response = await client.GetAsync(path);
            if (problem(response) is { } found) failures.Add($"{path} ({(int)response.StatusCode}): {found}");
        }
        return failures;
    }

    private static string[]? Sources(Dictionary<string, string[]> policy, string directive) =>
        policy.TryGetValue(directive, out var sources) ? sources : null;

    /// <summary>Script sources fall back to default-src when script-src is absent.</summary>
    private static string[]? ScriptSources(Dictionary<string, string[]> policy) => Sources(policy, "script-src") ?? Sources(policy, "default-src");

    private static readonly string[] UnsafeScriptSources = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:", "blob:"];

    private static string? PagePolicyProblem(HttpResponseMessage response)
    {
        var policies = response.ContentSecurityPolicies();
        if (policies.Count == 0) return "no Content-Security-Policy";
        var missing = new List<string>();
        if (!policies.Any(p => Sources(p, "default-src") is { Length: > 0 } s && s.All(v => v is "'self'" or "'none'"))) missing.Add("default-src 'self'");
        if (!policies.Any(p => ScriptSources(p) is { Length: > 0 } s && !s.Intersect(UnsafeScriptSources, StringComparer.OrdinalIgnoreCase).Any()))
            missing.Add("script-src 'self' without unsafe sources");
        if (!policies.Any(p => (Sources(p, "object-src") ?? Sources(p, "default-src")) is ["'none'"])) missing.Add("object-src 'none'");
        if (!policies.Any(p => Sources(p, "base-uri") is ["'none'"])) missing.Add("base-uri 'none'");
        if (!policies.Any(p => Sources(p, "frame-ancestors") is ["'none'"])) missing.Add("frame-ancestors 'none'");
        if (!policies.Any(p => Sources(p, "form-action") is { Length: > 0 } s && s.All(v => v is "'self'" or "'none'"))) missing.Add("form-action 'self'");
        return missing.Count == 0 ? null : "CSP lacks " + string.Join(", ", missing) + $" (got: {response.Value("Content-Security-Policy")})";
    }

    private static string? PhotoPolicyProblem(HttpResponseMessage response)
    {
        var policies = response.ContentSecurityPolicies();
        return policies.Any(p => Sources(p, "default-src") is ["'none'"]) && policies.Any(p => p.ContainsKey("sandbox"))
            ? null
            : $"photo CSP is not default-src 'none'; sandbox (got: {response.Value("Content-Security-Policy") ?? "(missing)"})";
    }
}
