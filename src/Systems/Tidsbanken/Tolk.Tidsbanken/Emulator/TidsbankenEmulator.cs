using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Tolk.Emulation.Hosting;
using Tolk.Emulation.Limits;
using Tolk.Tidsbanken.Emulator.Internal;

namespace Tolk.Tidsbanken.Emulator;

/// <summary>
/// Tidsbanken's API v3 as a sandbox: the OData entity sets Kunde, Ansatt and Prosjekt behind an API gateway that
/// wants <c>tb-key</c>, <c>Ocp-Apim-Subscription-Key</c> and <c>x-api-version: 3.0</c>, and limits the request rate.
/// </summary>
public sealed partial class TidsbankenEmulator : SystemEmulator
{
    /// <summary>The demo database's API key, sent as the <c>tb-key</c> header.</summary>
    public const string DemoTbKey = "tolk-demo-7c41e9a2b5";

    /// <summary>The demo API gateway subscription key, sent as <c>Ocp-Apim-Subscription-Key</c>.</summary>
    public const string DemoSubscriptionKey = "5c3e9a7d1f2b4c6e8a0d2f4b6c8e0a1d";

    private readonly TidsbankenSettings _settings = new();
    private readonly WriteContext _writes;
    private readonly RateWindow _rate;
    private readonly Dictionary<string, EntityService> _services = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the emulator and its (empty) collections Kunde, Ansatt and Prosjekt.</summary>
    public TidsbankenEmulator(EmulatorContext context) : base(context)
    {
        _writes = new WriteContext(new Lock(), context.Time, _settings);
        _rate = new RateWindow(context.Time, _settings.RateLimit, TimeSpan.FromSeconds(_settings.RateLimitWindowSeconds));
        Kunder = CreateKunde();
        Ansatte = CreateAnsatt();
        Prosjekter = CreateProsjekt();
    }

    /// <inheritdoc />
    public override string Name => "tidsbanken";

    /// <inheritdoc />
    public override string ApiPrefix => "";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Credentials { get; } = new Dictionary<string, string>
    {
        ["tb-key"] = DemoTbKey,
        ["Ocp-Apim-Subscription-Key"] = DemoSubscriptionKey,
    };

    internal EntityService Kunder { get; }

    internal EntityService Ansatte { get; }

    internal EntityService Prosjekter { get; }

    /// <inheritdoc />
    public override void MapApi(IEndpointRouteBuilder api)
    {
        var router = new TidsbankenRouter(
        [
            new ApiRoute("prosjekt", "Kunde", Kunder, Ops(("GET", Operation.List), ("POST", Operation.Insert), ("PUT", Operation.Update)),
                Ops(("GET", Operation.Get), ("DELETE", Operation.Delete))),
            new ApiRoute("ansatt", "ansatt", Ansatte, Ops(("GET", Operation.List), ("PUT", Operation.Update)), Ops()),
            new ApiRoute("ansatt", "Ansatte", Ansatte, Ops(("POST", Operation.Insert)), Ops()),
            new ApiRoute("prosjekt", "Prosjekt", Prosjekter,
                Ops(("GET", Operation.List), ("POST", Operation.Insert), ("PUT", Operation.Update)), Ops()),
        ], _settings);
        api.Map("{**path}", router.DispatchAsync);
    }

    private static Dictionary<string, Operation> Ops(params (string Method, Operation Operation)[] ops) =>
        ops.ToDictionary(o => o.Method, o => o.Operation, StringComparer.Ordinal);

    private EntityService Register(EntityService service)
    {
        _services[service.Schema.TypeName] = service;
        return service;
    }
}
