using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CustomerCare.Bot.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerCare.Tests.Support;

/// <summary>
/// A small real SMTP server on a free loopback port (RFC 5321's core: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT),
/// keeping what it receives. It can be told to refuse messages, as a mail server that is down for them would.
/// </summary>
public sealed class SmtpStandIn : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private SmtpStandIn()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>While set, DATA is answered 451 (a temporary local error) and nothing is kept.</summary>
    public bool Refusing { get; set; }

    public static SmtpStandIn Start() => new();

    /// <summary>The bot's own SMTP mailer, pointed here without TLS.</summary>
    public SmtpCustomerMailer Mailer() => new(Options.Create(Settings()), NullLogger<SmtpCustomerMailer>.Instance);

    public MailOptions Settings() => new() { SmtpHost = "127.0.0.1", SmtpPort = Port, Security = MailSecurity.None, From = "CustomerCare <care@test.invalid>" };

    /// <summary>The configuration keys that point a bot process here.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Configuration() =>
    [
        new("Mail:SmtpHost", "127.0.0.1"), new("Mail:SmtpPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Mail:Security", "None"),
    ];

    /// <summary>The six-digit code in the newest message to <paramref name="to"/>.</summary>
    public async Task<string> CodeSentToAsync(string to, int expectedMessages = 1)
    {
        for (var i = 0; i < 200 && Received.Count(m => To(m) == to) < expectedMessages; i++)
        {
            await Task.Delay(25);
        }
        var message = Received.Where(m => To(m) == to).Skip(expectedMessages - 1).FirstOrDefault();
        Assert.True(message is not null, $"No e-mail number {expectedMessages} reached {to}.");
        var match = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? string.Empty, @"\b\d{6}\b");
        Assert.True(match.Success, "The e-mail carries no six-digit code: " + message.TextBody);
        return match.Value;
    }

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            await writer.WriteLineAsync("220 smtp.test.invalid ESMTP stand-in");
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-smtp.test.invalid\r\n250 8BITMIME");
                        break;
                    case "HELO":
                    case "MAIL":
                    case "RCPT":
                    case "RSET":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }
                        if (Refusing)
                        {
                            await writer.WriteLineAsync("451 4.3.0 Mail server temporarily unavailable");
                            break;
                        }
                        Received.Enqueue(await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(data.ToString()))));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
