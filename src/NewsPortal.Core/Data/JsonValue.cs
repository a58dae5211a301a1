using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NewsPortal.Core.Data;

/// <summary>
/// An item's photo and links are values of the item, kept as JSON in its row and always read with it. They are mapped
/// as plain properties with these converters, not as owned JSON entities: EF Core's materializer for owned JSON passes
/// an inner shaper lambda per JSON column, and the compiled query makes a new delegate from it on every read. The JSON
/// is the same as EF Core wrote for owned entities, so stored rows read unchanged.
/// </summary>
public static class JsonValue
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        // Computed properties such as NewsPhoto.IsEmpty are not data.
        IgnoreReadOnlyProperties = true,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}

/// <summary>Stores a value as JSON text (jsonb on PostgreSQL).</summary>
public sealed class JsonValueConverter<T>() : ValueConverter<T, string>(value => JsonValue.Write(value), json => JsonValue.Read<T>(json));

/// <summary>Change tracking for a mutable JSON value: equal when the JSON is, snapshots are deep copies.</summary>
public sealed class JsonValueComparer<T>() : ValueComparer<T>(
    (left, right) => JsonValue.Write(left) == JsonValue.Write(right),
    value => JsonValue.Write(value).GetHashCode(),
    value => JsonValue.Read<T>(JsonValue.Write(value)));
