using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Collab.Server.Operations;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> the service believes: each an address (<c>10.0.0.5</c>) or a
/// network (<c>10.0.0.0/8</c>). A request from one of them counts as coming from the client the header names, so
/// write limits apply per visitor rather than per proxy; the header of any other peer is ignored.
/// </summary>
internal static class ForwardedClients
{
    /// <summary>Whether the text is an IP address or a network in CIDR notation.</summary>
    public static bool IsValidProxy(string proxy) => IPAddress.TryParse(proxy, out _) || System.Net.IPNetwork.TryParse(proxy, out _);

    /// <summary>Forwarded-headers settings that trust these proxies and no others (not even loopback, ASP.NET Core's default).</summary>
    public static ForwardedHeadersOptions Options(IReadOnlyList<string> proxies)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor,
            // Walk the header from the right while each hop is a trusted proxy: the first untrusted address is the client.
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            if (IPAddress.TryParse(proxy, out var address))
                options.KnownProxies.Add(address);
            else
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
        }
        return options;
    }
}
