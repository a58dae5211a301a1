using System.Net;
using Microsoft.Data.Sqlite;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Reliability;

/// <summary>REL-20: a restart or a new container on the same data keeps editors signed in and their work intact.</summary>
[Trait("Database", TestDatabase.SqliteOnly)]
public sealed class RestartTests : IDisposable
{
    private readonly string _dataFolder = NewsPortalFactory.NewDataFolder();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task REL_20_editors_stay_signed_in_across_a_restart_because_the_sign_in_keys_live_in_the_database()
    {
        EditorSession editor;
        await using (var first = NewsPortalFactory.StartingOn(_dataFolder))
        {
            editor = await EditorSession.SignInAsync(first);
            Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync("/admin/items")).StatusCode);
        }

        HttpStatusCode afterRestart;
        await using (var second = NewsPortalFactory.StartingOn(_dataFolder))
            afterRestart = (await second.CreateBrowserLikeClient(editor.Cookies).GetAsync("/admin/items")).StatusCode;

        // Without the keys in the database, the same cookie is worthless: they are the ones that count.
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_dataFolder, "newsportal.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM DataProtectionKeys";
            Assert.True(await command.ExecuteNonQueryAsync() > 0);
        }
        HttpResponseMessage withoutKeys;
        await using (var third = NewsPortalFactory.StartingOn(_dataFolder))
            withoutKeys = await third.CreateBrowserLikeClient(editor.Cookies).GetAsync("/admin/items");

        Assert.Equal(HttpStatusCode.OK, afterRestart);
        Assert.Equal(HttpStatusCode.Redirect, withoutKeys.StatusCode);
        Assert.StartsWith("https://localhost/admin/login", withoutKeys.Headers.Location!.ToString());
    }
}
