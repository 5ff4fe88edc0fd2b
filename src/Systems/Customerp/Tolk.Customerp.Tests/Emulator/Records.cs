using System.Text.Json.Nodes;

namespace Tolk.Customerp.Tests.Emulator;

/// <summary>Valid bodies for each collection, unique per call so that creates never clash by accident.</summary>
internal static class Records
{
    private static int _n;

    public static readonly string[] Collections = ["customers", "contacts", "employees", "projects", "products"];

    public static JsonObject Valid(string collection)
    {
        var n = Interlocked.Increment(ref _n);
        return collection switch
        {
            "customers" => new JsonObject { ["name"] = $"Testkunde {n} AS", ["org_number"] = $"{900000000 + n}" },
            "contacts" => new JsonObject { ["first_name"] = "Test", ["last_name"] = $"Kontakt{n}", ["email"] = $"kontakt{n}@test.example", ["customer_id"] = 1 },
            "employees" => new JsonObject { ["first_name"] = "Test", ["last_name"] = $"Ansatt{n}", ["email"] = $"ansatt{n}@tolkdemo.no", ["employee_number"] = $"T{n}" },
            "projects" => new JsonObject { ["name"] = $"Testprosjekt {n}", ["customer_id"] = 1, ["manager_id"] = 1 },
            "products" => new JsonObject { ["sku"] = $"TEST-{n}", ["name"] = $"Testprodukt {n}", ["unit_price"] = 99.5m },
            _ => throw new ArgumentOutOfRangeException(nameof(collection)),
        };
    }

    /// <summary>The fields a client may write, by collection.</summary>
    public static readonly Dictionary<string, string[]> Fields = new()
    {
        ["customers"] = ["name", "org_number", "email", "phone", "website", "address_line", "postal_code", "city", "country", "is_active", "notes"],
        ["contacts"] = ["customer_id", "first_name", "last_name", "email", "phone", "title"],
        ["employees"] = ["employee_number", "first_name", "last_name", "email", "phone", "title", "department", "hire_date", "is_active"],
        ["projects"] = ["project_number", "name", "description", "customer_id", "manager_id", "start_date", "end_date", "status", "budget"],
        ["products"] = ["sku", "name", "description", "unit_price", "currency", "vat_rate", "is_active"],
    };

    /// <summary>Every record's keys, in the API's order.</summary>
    public static IEnumerable<string> Keys(string collection) =>
        ["id", .. Fields[collection], "created_at", "updated_at", "deleted_at", "version"];

    public static async Task<JsonObject> CreateAsync(HttpClient api, string collection, JsonObject? body = null)
    {
        var reply = await api.CallPostAsync(collection, body ?? Valid(collection));
        Assert.True(reply.Status == 201, reply.Text);
        return reply.Body;
    }
}
