// The API reference page (/openapi): Scalar renders this server's OpenAPI document. Its web fonts come from a CDN that
// the page's content security policy (and a district's network) does not allow, so the system fonts are used.
Scalar.createApiReference('#app', { url: '/openapi/v1.json', withDefaultFonts: false });
