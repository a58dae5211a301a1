namespace NewsPortal.Tests.Fixtures;

public static class RepositoryFiles
{
    public const string SeedPage = "seed/archived-page-2012-05-03-cybercrime.txt";

    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "NewsPortal.sln"))) return dir.FullName;
            throw new InvalidOperationException("NewsPortal.sln not found above the test output folder.");
        }
    }

    public static string ReadText(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));
}
