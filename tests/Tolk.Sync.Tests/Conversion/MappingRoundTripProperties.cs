using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Tolk.Sync.Configuration;
using Tolk.Sync.Conversion;
using Tolk.Sync.Conversion.Named;
using Tolk.Sync.Tests.Configuration;

namespace Tolk.Sync.Tests.Conversion;

/// <summary>
/// Every real mapping gives back what it wrote: for each property it both writes and reads, write then read (through
/// the JSON the system would store, with the golden values as the current ones) is the identity. The documented losses
/// are left out: no value through a converter leaves the field alone, and a non-numeric employee number gives no Id.
/// </summary>
public sealed class MappingRoundTripProperties
{
    private static SyncConfiguration Config => RealConfiguration.Value;

    public static Arbitrary<Dictionary<string, CanonicalValue?>> GoldenRecords() => Arb.From(
        from values in Gen.CollectToList(Config.Model.Types.SelectMany(t => t.Properties.Select(p => Value(t, p).Select(v => ($"{t.Name}.{p.Name}", v)))))
        from first in Generators.Words(1, 2)
        from last in Generators.Words(1, 2)
        select Consistent(values, first, last));

    [Property(Arbitrary = [typeof(MappingRoundTripProperties)], MaxTest = 200)]
    public void every_mapping_reads_back_what_it_writes(Dictionary<string, CanonicalValue?> golden)
    {
        foreach (var mapping in Config.Mappings)
        {
            var type = Config.GlobalTypeOf(mapping);
            var values = type.Properties.ToDictionary(p => p.Name, p => ForMapping(mapping, p.Name, golden[$"{type.Name}.{p.Name}"]), StringComparer.Ordinal);
            var mapper = Config.Mapper(mapping);
            var written = mapper.Write(values, insert: true);
            Assert.True(written.IsOk, $"{mapping.Key}: {string.Join("; ", written.Errors)}");
            var read = mapper.Read(JsonNode.Parse(written.Fields.ToJsonString())!.AsObject(), values);
            Assert.True(read.IsOk, $"{mapping.Key}: {string.Join("; ", read.Errors)}");
            foreach (var entry in mapping.Properties.Where(p => p.Reads && p.Writes && !IsDocumentedLoss(p, values)))
            {
                foreach (var property in entry.Properties)
                {
                    Assert.True(read.Values.TryGetValue(property, out var back), $"{mapping.Key} → {property}: not read back from {written.Fields.ToJsonString()}");
                    Assert.True(Equals(values[property], back), $"{mapping.Key} → {property}: wrote {values[property]}, read {back}");
                }
            }
        }
    }

    private static bool IsDocumentedLoss(PropertyMapping entry, Dictionary<string, CanonicalValue?> values)
    {
        var value = values[entry.Properties[0]];
        return entry.Converter switch
        {
            "completed_status" or "asana_project_status" => value is null,
            "tidsbanken_employee_id" => value is not TextValue number || TidsbankenEmployeeId.ToId(number.Value) is null,
            _ => false,
        };
    }

    // A reference the engine hands to a system that refers by email carries the email, not an id.
    private static CanonicalValue? ForMapping(DatatypeMapping mapping, string property, CanonicalValue? value) =>
        value is ReferenceValue reference && mapping.MappingsOf(property).FirstOrDefault()?.Format?.Reference?.By is { } by
            ? new ReferenceValue(reference.Type, $"{reference.Key}@example.no", by)
            : value;

    private static Gen<CanonicalValue?> Value(GlobalType type, GlobalProperty property)
    {
        Gen<CanonicalValue?> gen = property.Kind switch
        {
            DataKind.String => Generators.Words(1, 4).Select(s => (CanonicalValue?)CanonicalValue.OfText(s)),
            DataKind.Boolean => ArbMap.Default.GeneratorFor<bool>().Select(b => (CanonicalValue?)new BooleanValue(b)),
            DataKind.Date => Generators.Dates().Generator.Select(d => (CanonicalValue?)new DateValue(d)),
            DataKind.Decimal => Gen.Choose(-1_000_000, 1_000_000).Select(c => (CanonicalValue?)new DecimalValue(c / 100m)),
            DataKind.Enum => Gen.Elements(property.EnumValues.ToArray()).Select(v => (CanonicalValue?)new EnumValue(v)),
            DataKind.Reference => Gen.Choose(1, 1_000_000).Select(id => (CanonicalValue?)new ReferenceValue(property.Target!, id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            _ => throw new InvalidOperationException($"{type.Name}.{property.Name}: no generator for {property.Kind}"),
        };
        var numeric = Gen.Choose(1, 99_999).Select(n => (CanonicalValue?)CanonicalValue.OfText(n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return property.Name == "employee_number"
            ? Gen.Frequency((2, numeric), (1, gen), (1, Gen.Constant<CanonicalValue?>(null)))
            : Gen.Frequency((4, gen), (1, Gen.Constant<CanonicalValue?>(null)));
    }

    // The golden record keeps a person's names consistent, as the engine does with derived properties.
    private static Dictionary<string, CanonicalValue?> Consistent(List<(string, CanonicalValue?)> values, string first, string last)
    {
        var golden = values.ToDictionary(v => v.Item1, v => v.Item2, StringComparer.Ordinal);
        golden["person.first_name"] = CanonicalValue.OfText(first);
        golden["person.last_name"] = CanonicalValue.OfText(last);
        golden["person.full_name"] = CanonicalValue.OfText(FullName.Join(first, last));
        return golden;
    }
}
