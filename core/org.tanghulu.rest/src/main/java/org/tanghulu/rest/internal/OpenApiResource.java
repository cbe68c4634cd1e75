package org.tanghulu.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The API's own description, an OpenAPI 3.0.3 document kept by hand beside the
 * resources ({@code openapi.json} at the bundle's root); {@code OpenApiDocumentTest}
 * fails the build when it and the resources drift apart.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect(TanghuluApplication.SELECT)
@Path("")
public class OpenApiResource {

    /** Where the document lives, from the root of the bundle. */
    static final String DOCUMENT = "/openapi.json";

    private final byte[] document = load();

    /**
     * @return the document as in the bundle, without the source's indentation (about 40% smaller), as bytes
     *         so that the JSON provider leaves it alone
     */
    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] document() {
        return document;
    }

    static byte[] load() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the REST bundle");
            }
            ObjectMapper json = new ObjectMapper();
            return json.writeValueAsBytes(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DOCUMENT, e);
        }
    }
}
