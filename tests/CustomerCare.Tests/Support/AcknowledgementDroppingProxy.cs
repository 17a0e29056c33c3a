using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CustomerCare.Tests.Support;

/// <summary>
/// A TCP proxy on loopback in front of PostgreSQL that, once armed, cuts the connection instead of passing on the
/// server's reply that carries a command tag (such as "UPDATE 1" or "COMMIT"): the command took effect, and the
/// client never hears so — a connection lost at the worst moment.
/// </summary>
public sealed class AcknowledgementDroppingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private string? _armedFor;

    private AcknowledgementDroppingProxy(string host, int port)
    {
        _listener.Start();
        _ = AcceptAsync(host, port);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many replies were cut.</summary>
    public int Dropped { get; private set; }

    public static AcknowledgementDroppingProxy Start(string host, int port) => new(host, port);

    /// <summary>Cuts the next reply that carries this command tag.</summary>
    public void DropNext(string commandTag) => Volatile.Write(ref _armedFor, commandTag);

    private async Task AcceptAsync(string host, int port)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var server = new TcpClient();
            await server.ConnectAsync(host, port);
            _ = client.GetStream().CopyToAsync(server.GetStream(), _stop.Token).ContinueWith(_ => server.Close(), TaskScheduler.Default);
            _ = RelayRepliesAsync(server, client);
        }
    }

    private async Task RelayRepliesAsync(TcpClient server, TcpClient client)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await server.GetStream().ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (Volatile.Read(ref _armedFor) is { } tag && Encoding.ASCII.GetString(buffer, 0, read).Contains(tag + "\0", StringComparison.Ordinal))
                {
                    Volatile.Write(ref _armedFor, null);
                    Dropped++;
                    client.Client.LingerState = new LingerOption(true, 0);
                    client.Close();
                    server.Close();
                    return;
                }
                await client.GetStream().WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // One side went away.
        }
        client.Close();
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
