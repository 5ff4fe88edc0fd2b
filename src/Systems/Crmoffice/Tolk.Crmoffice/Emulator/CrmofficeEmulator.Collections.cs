using Microsoft.AspNetCore.Routing;
using Tolk.Crmoffice.Emulator.Internal;
using Tolk.Crmoffice.Emulator.Internal.Dto;

namespace Tolk.Crmoffice.Emulator;

public sealed partial class CrmofficeEmulator
{
    private void MapCompaniesApi(IEndpointRouteBuilder api) =>
        MapWrites<Company, CompanyInput>(MapReads<Company>(api, CrmSchemas.Companies, "Companies"), CrmSchemas.Companies, "Companies");

    private void MapContactsApi(IEndpointRouteBuilder api) =>
        MapWrites<Contact, ContactInput>(MapReads<Contact>(api, CrmSchemas.Contacts, "Contacts"), CrmSchemas.Contacts, "Contacts");

    private void MapActivitiesApi(IEndpointRouteBuilder api) =>
        MapWrites<Activity, ActivityInput>(MapReads<Activity>(api, CrmSchemas.Activities, "Activities"), CrmSchemas.Activities, "Activities");

    // Users are read-only: only the reads are mapped, so routing answers writes with 405 (in Crmoffice's error body).
    private void MapUsersApi(IEndpointRouteBuilder api) => MapReads<User>(api, CrmSchemas.Users, "Users");
}
