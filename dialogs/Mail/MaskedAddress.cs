namespace CustomerCare.Mail;

/// <summary>An e-mail address as the bot may show it: the first letter and the domain, "a•••@example.com".</summary>
public static class MaskedAddress
{
    public static string Of(string address)
    {
        var at = address.LastIndexOf('@');
        return at <= 0 ? "•••" : address[..1] + "•••" + address[at..];
    }
}
