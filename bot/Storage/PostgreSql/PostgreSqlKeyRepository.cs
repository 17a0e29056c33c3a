using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// ASP.NET Core's data-protection keys in PostgreSQL, so a supervisor's sign-in cookie and the pages' antiforgery
/// tokens issued by one instance are read by every other. The keys are stored as ASP.NET Core writes them; the
/// database's encryption at rest and its access control protect them.
/// </summary>
public sealed class PostgreSqlKeyRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = dataSource.OpenConnection();
        using var command = connection.Command("SELECT xml FROM data_protection_keys ORDER BY name");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = dataSource.OpenConnection();
        using var command = connection.Command("INSERT INTO data_protection_keys (name, xml) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET xml = excluded.xml",
            friendlyName, element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
