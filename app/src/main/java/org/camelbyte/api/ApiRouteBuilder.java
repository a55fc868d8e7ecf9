package org.camelbyte.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.camelbyte.airbyte.AirbyteException;
import org.camelbyte.config.Beans;
import org.camelbyte.group.GroupRunConflictException;
import org.camelbyte.intake.InvalidRunRequestException;
import org.camelbyte.intake.NotFoundException;

/**
 * The base of every {@code /api} route builder, the one way they answer JSON: credentials are checked before
 * anything else, and failures map to one status each, the same on every route: an {@link ApiProblem} its own,
 * 400 bad input, 404 anything not found, 409 a conflict, 502 an Airbyte error, 500 the rest; the body is
 * {@code application/problem+json} with the sentence as {@code detail} and {@code error}. Before any route's
 * own step, the {@link RequestValidator} refuses text inputs and bodies no route should see.
 */
public abstract class ApiRouteBuilder extends RouteBuilder {
    protected final ObjectMapper json;

    protected ApiRouteBuilder(ObjectMapper json) {
        this.json = json;
    }

    /** The routes themselves; authentication and the status mapping already apply to them. */
    protected abstract void routes();

    /**
     * Whether the routes ask for the API's credentials ({@code api.auth}). Only a caller that cannot send them
     * says no, and then checks its own: Airbyte's webhook carries a secret in its URL instead.
     */
    protected boolean behindApiCredentials() {
        return true;
    }

    @Override
    public final void configure() {
        // a problem that knows its status and facts, such as a cancel of a run that has ended (409 with its status)
        onException(ApiProblem.class).handled(true).process(e -> {
            ApiProblem problem = e.getProperty(Exchange.EXCEPTION_CAUGHT, ApiProblem.class);
            problem(e, problem.status(), problem.body());
            e.getMessage().getHeaders().putAll(problem.headers());
        });
        onException(NotFoundException.class).handled(true).process(e -> error(e, 404));
        onException(BadRequestException.class, InvalidRunRequestException.class, IllegalArgumentException.class)
                .handled(true)
                .process(e -> error(e, 400));
        onException(GroupRunConflictException.class).handled(true).process(e -> error(e, 409));
        onException(AirbyteException.class).handled(true).process(e -> error(e, 502));
        onException(Exception.class).handled(true).process(e -> error(e, 500));

        // every route below, and any added later, checks credentials before anything else
        // then the request's text and body; one interceptor, as two would run in no order to rely on
        Processor credentials = behindApiCredentials()
                ? getContext().getRegistry().lookupByNameAndType(Beans.API_AUTHENTICATION, Processor.class)
                : null;
        if (behindApiCredentials() && credentials == null) {
            // never serve an /api route open because the wiring forgot its authentication
            throw new IllegalStateException("No '" + Beans.API_AUTHENTICATION + "' bean is bound; the API's routes"
                    + " cannot start without it (ApiWiring binds it before adding them).");
        }
        RequestValidator validator = new RequestValidator();
        interceptFrom().process(e -> {
            if (credentials != null) {
                credentials.process(e);
            }
            if (!e.isRouteStop()) {
                validator.process(e);
            }
        });
        routes();
    }

    /** Answers {@code body} as JSON with {@code status}, and none of the request's headers. */
    protected void reply(Exchange exchange, int status, Object body) throws Exception {
        exchange.getMessage().setHeaders(new HashMap<>());
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(json.writeValueAsString(body));
    }

    private void error(Exchange exchange, int status) throws Exception {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        problem(exchange, status, ApiProblem.body(status, detail));
    }

    /** Answers a problem document; a refusal of what the caller sent (4xx but 404) is logged with its source. */
    private void problem(Exchange exchange, int status, java.util.Map<String, Object> body) throws Exception {
        if (status >= 400 && status < 500 && status != 404) {
            RefusalLog.refused(exchange, status, String.valueOf(body.get("detail")));
        }
        reply(exchange, status, body);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, ApiProblem.MEDIA_TYPE);
    }
}
