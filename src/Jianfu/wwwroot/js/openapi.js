// The API reference page (/openapi): Scalar renders the OpenAPI document of this server.
Scalar.createApiReference('#app', { url: '/openapi/v1.json', hideClientButton: false });
