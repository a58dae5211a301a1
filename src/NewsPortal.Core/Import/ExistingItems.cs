namespace NewsPortal.Core.Import;

/// <summary>What an import does with an item the site already has (matched by original address, else by slug).</summary>
public enum ExistingItems
{
    /// <summary>Leave every existing item as it is and only add new ones (seeding).</summary>
    Keep,

    /// <summary>Update items whose content differs, except those an editor changed on the site since their last import.</summary>
    UpdateUnlessEditedOnSite,

    /// <summary>Update every item whose content differs, editors' later changes included (they stay in its history).</summary>
    Update,
}
