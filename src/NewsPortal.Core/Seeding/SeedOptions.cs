namespace NewsPortal.Core.Seeding;

/// <summary>The "Seed" configuration section: real archived pages loaded into an empty or outdated database at start.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    public bool Enabled { get; set; } = true;

    /// <summary>Folder of archived-page text dumps (*.txt), relative to the content root.</summary>
    public string Folder { get; set; } = "seed";
}
