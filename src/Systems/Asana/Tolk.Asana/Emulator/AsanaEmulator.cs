using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Tolk.Asana.Emulator.Internal;
using Tolk.Emulation.Data;
using Tolk.Emulation.Hosting;

namespace Tolk.Asana.Emulator;

/// <summary>
/// A faithful sandbox of Asana's REST API (<c>/api/1.0</c>): workspaces, teams, users, projects and tasks with
/// opt_fields and offset pagination, the events endpoint with sync tokens, webhooks with the X-Hook-Secret
/// handshake and signed deliveries, the batch API, and per-token rate limits with Asana's 429 signalling.
/// </summary>
public sealed partial class AsanaEmulator : SystemEmulator, IRecordLookup
{
    /// <summary>The demo personal access token; it belongs to the first user of the demo organization.</summary>
    public const string PersonalAccessToken = "2/1203000000000000/1209000000000001:8f3c1e5a7b9d2f4608a1c3e5b7d9f1a2";

    /// <summary>A second token, for "another user" (the second user of the demo organization).</summary>
    public const string OtherUserAccessToken = "2/1203000000000001/1209000000000001:3d7e9b1f5a2c8e4d6b0f2a9c7e5d3b1f";

    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly AsyncLocal<string?> _actor = new();
    private readonly Gids _gids = new();
    private readonly Phrases _phrases = new();
    private readonly RecordRenderer _render;
    private readonly OffsetTokens _offsets;
    private readonly SyncTokens _sync;
    private readonly EventLog _events = new();
    private readonly Pager _pager;
    private readonly RateLimits _limits;
    private readonly byte[] _key;
    private volatile bool _seeding;

    /// <summary>Creates the emulator on the kernel's services; the kernel seeds it.</summary>
    public AsanaEmulator(EmulatorContext context) : base(context)
    {
        Workspaces = Database.Add(Collections.Workspaces);
        Teams = Database.Add(Collections.Teams);
        Users = Database.Add(Collections.Users);
        Projects = Database.Add(Collections.Projects);
        Tasks = Database.Add(Collections.Tasks);
        Sections = Database.Add(Collections.Sections);
        TeamMemberships = Database.Add(Collections.TeamMemberships);
        Webhooks = Database.Add(Collections.Webhooks);
        var key = _key = SHA256.HashData(Encoding.UTF8.GetBytes($"tolk-asana-{context.Sample.Seed}"));
        _render = new RecordRenderer(this);
        _offsets = new OffsetTokens(context.Time, key);
        _sync = new SyncTokens(context.Time, key);
        _pager = new Pager(_offsets);
        _limits = new RateLimits(context.Time);
        Database.Changed += OnChanged;
        ApplyDefaultSettings();
    }

    /// <inheritdoc />
    public override string Name => "asana";

    /// <inheritdoc />
    public override string ApiPrefix => "/api/1.0";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Credentials { get; } = new Dictionary<string, string>
    {
        ["personal_access_token"] = PersonalAccessToken,
        ["personal_access_token_other_user"] = OtherUserAccessToken,
    };

    internal RecordTable Workspaces { get; }

    internal RecordTable Teams { get; }

    internal RecordTable Users { get; }

    internal RecordTable Projects { get; }

    internal RecordTable Tasks { get; }

    internal RecordTable Sections { get; }

    internal RecordTable TeamMemberships { get; }

    internal RecordTable Webhooks { get; }

    /// <summary>The user a person's edits through the admin channel are attributed to in events.</summary>
    internal string PersonUserGid { get; set; } = Gids.For(ResourceTypes.User, 1);

    JsonObject? IRecordLookup.Find(string resourceType, string gid) =>
        ResourceTypes.Collection(resourceType) is { } name ? Database.Find(name)?.Get(gid) : null;

    string? IRecordLookup.NameOf(string gid) => _names.GetValueOrDefault(gid);

    /// <summary>The table that stores <paramref name="resourceType"/>.</summary>
    internal RecordTable TableOf(string resourceType) =>
        Database.Find(ResourceTypes.Collection(resourceType) ?? throw new ArgumentOutOfRangeException(nameof(resourceType)))!;

    /// <summary>Asana's timestamp format: UTC with milliseconds.</summary>
    internal static string Stamp(DateTimeOffset at) => Stamps.Format(at);

    /// <summary>Now, as Asana writes it.</summary>
    internal string Now() => Stamp(Context.Time.GetUtcNow());

    /// <summary>A compact reference <c>{gid, resource_type, name}</c> to a stored record.</summary>
    internal static JsonObject Ref(JsonObject record)
    {
        var reference = new JsonObject { ["gid"] = record["gid"]!.DeepClone(), ["resource_type"] = record["resource_type"]!.DeepClone(), ["name"] = record["name"]?.DeepClone() };
        if (record["resource_type"]?.GetValue<string>() == ResourceTypes.Task)
        {
            reference["resource_subtype"] = record["resource_subtype"]?.DeepClone();
        }
        return reference;
    }

    /// <summary>The user gid the current change is made by: the API caller, or the person.</summary>
    private string ActorFor(ChangeOrigin origin) =>
        origin == ChangeOrigin.Person ? PersonUserGid : _actor.Value ?? Gids.For(ResourceTypes.User, 0);
}
