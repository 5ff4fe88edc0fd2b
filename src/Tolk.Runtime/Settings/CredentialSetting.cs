using Tolk.Sync.Configuration;

namespace Tolk.Runtime.Settings;

/// <summary>
/// Where one credential's value comes from. The settings file holds only this, never the value, so that it can be
/// committed and shown without giving anything away.
/// </summary>
public abstract record CredentialSource
{
    /// <summary>Where the value comes from, in words that never include the value.</summary>
    public abstract string Describe();
}

/// <summary>The value is in an environment variable.</summary>
/// <param name="Variable">The variable's name.</param>
public sealed record EnvironmentCredential(string Variable) : CredentialSource
{
    /// <inheritdoc />
    public override string Describe() => $"environment variable {Variable}";
}

/// <summary>
/// The value is in a secrets file: the whole file (trimmed), or, with <paramref name="Key"/>, the value at that key
/// (dotted for nesting, e.g. <c>asana.token</c>) of a YAML file holding several.
/// </summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Key">The key inside the file, or null for the whole file.</param>
public sealed record FileCredential(string Path, string? Key) : CredentialSource
{
    /// <inheritdoc />
    public override string Describe() => Key is null ? $"secrets file {Path}" : $"key '{Key}' of secrets file {Path}";
}

/// <summary>One credential of a system: the connector's name for it, where its value comes from, and where it is configured.</summary>
public sealed record CredentialSetting(string Name, CredentialSource Source, SourceLocation Location);
