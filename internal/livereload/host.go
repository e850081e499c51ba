package livereload

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
)

// hosts are the names and addresses a request may name in its Host
// header, and an event stream in its Origin header: a page of another site
// whose name an attacker points at this computer (DNS rebinding) names
// that site, and is refused.
type hosts struct {
	names map[string]bool
	addrs map[netip.Addr]bool
}

// newHosts allows localhost, every loopback address, and the names and
// addresses of extra (each with or without a port).
func newHosts(extra []string) hosts {
	h := hosts{names: map[string]bool{"localhost": true}, addrs: map[netip.Addr]bool{}}
	for _, e := range extra {
		name := normalHost(hostOnly(e))
		if a, err := netip.ParseAddr(name); err == nil {
			h.addrs[a.WithZone("").Unmap()] = true
		} else if name != "" {
			h.names[name] = true
		}
	}
	return h
}

// allows reports whether hostport (a Host header, or the host of an
// Origin) names this server. The unspecified address (0.0.0.0, ::) is
// refused even when the server listens on it: browsers send requests to
// it from any site.
func (h hosts) allows(hostport string) bool {
	name := normalHost(hostOnly(hostport))
	if a, err := netip.ParseAddr(name); err == nil {
		a = a.WithZone("").Unmap()
		return a.IsLoopback() || (h.addrs[a] && !a.IsUnspecified())
	}
	return name != "" && h.names[name]
}

// hostOnly drops the port and the brackets of an IPv6 address.
func hostOnly(hostport string) string {
	if host, _, err := net.SplitHostPort(hostport); err == nil {
		return host
	}
	return strings.TrimSuffix(strings.TrimPrefix(hostport, "["), "]")
}

// normalHost is a host name as compared: lower case, without the final dot
// of a fully qualified name.
func normalHost(name string) string {
	return strings.TrimSuffix(strings.ToLower(name), ".")
}

// allowHost reports whether r names an allowed host in its Host header;
// when it does not, it answers r with 403 Forbidden.
func (h hosts) allowHost(w http.ResponseWriter, r *http.Request) bool {
	if h.allows(r.Host) {
		return true
	}
	refuse(w, "Host", r.Host, hostOnly(r.Host))
	return false
}

// allowOrigin reports whether an event stream may be opened from the page
// that r comes from: r has no Origin header (the browser sent none), or
// its Origin names an allowed host. "null" (a sandboxed frame, a file on
// disk) is refused. When it may not, allowOrigin answers r with 403.
func (h hosts) allowOrigin(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err == nil && u.Host != "" && h.allows(u.Host) {
		return true
	}
	name := ""
	if err == nil {
		name = u.Hostname()
	}
	refuse(w, "Origin", origin, name)
	return false
}

// refuse answers a request that names a host this server does not know:
// header is the header that named it, value what it said, and name the
// host to give --allowed-host.
func refuse(w http.ResponseWriter, header, value, name string) {
	if name == "" {
		name = "NAME"
	}
	http.Error(w, fmt.Sprintf("403 Forbidden: congkhai serve answers only requests for this computer "+
		"(localhost, 127.0.0.1, [::1] or the address it listens on), and this one has %s: %q.\n"+
		"To preview the site under that name, restart it with: congkhai serve --allowed-host %s", header, value, name), http.StatusForbidden)
}
