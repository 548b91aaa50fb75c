// Swagger UI for the WinterWatch API, reading its description from the same server. A script of its own rather than
// inline, so that the content security policy (script-src 'self') holds. The base layout, without the standalone
// top bar: its logo carries an inline <style> that style-src 'self' refuses, and its URL box is not needed here.
// No validator: nothing leaves this server.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    persistAuthorization: false,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
});
