namespace NewsPortal.Hosting;

/// <summary>The database connection as resolved once at start (relative paths anchored to the content root).</summary>
public sealed record NewsDatabaseSettings(string ConnectionString);
