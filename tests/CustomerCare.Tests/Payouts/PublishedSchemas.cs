using System.Xml;
using System.Xml.Schema;

namespace CustomerCare.Tests.Payouts;

/// <summary>
/// ISO 20022's published schema of pain.001.001.03, as Debian ships it (package tryton-modules-account-payment-sepa,
/// which <c>.ci/run</c> unpacks to /opt/iso20022-schemas). Nothing of it is kept in the repository.
/// </summary>
internal static class PublishedSchemas
{
    private static readonly string[] Places =
    [
        "/opt/iso20022-schemas/pain.001.001.03.xsd",
        "/usr/lib/python3/dist-packages/trytond/modules/account_payment_sepa/tests/pain.001.001.03.xsd",
    ];

    public static XmlSchemaSet Pain001()
    {
        var path = Places.FirstOrDefault(File.Exists);
        Assert.True(path is not null,
            "ISO 20022's pain.001.001.03.xsd is not on this machine: run .ci/run once, or unpack Debian's tryton-modules-account-payment-sepa to /opt/iso20022-schemas (see README).");
        var schemas = new XmlSchemaSet();
        using var reader = XmlReader.Create(path);
        schemas.Add(null, reader);
        schemas.Compile();
        return schemas;
    }

    /// <summary>Every schema error in <paramref name="xml"/>.</summary>
    public static IReadOnlyList<string> Errors(byte[] xml, XmlSchemaSet schemas)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} at {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }
}
