package org.tanghulu.web.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Collections;
import java.util.List;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ReadListener;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * The first filter of every web context of the platform (the portal, the JSON API, the desk): it
 * believes forwarded headers only from trusted proxies, refuses request bodies over the limits
 * before anything reads them, refuses a charset Java does not know, and marks every answer
 * {@code nosniff} and every {@code /api} answer {@code no-store}. A refusal goes through
 * {@code sendError}, so the platform's error page ({@link ErrorPages}) says it in words.
 */
@Component(service = Filter.class, property = "service.ranking:Integer=1000")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public class HttpGuard implements Filter {

    /** A sentence for the error page, set before {@code sendError}. */
    static final String MESSAGE = "org.tanghulu.web.error.message";

    private final HttpPolicy policy;

    @Activate
    public HttpGuard(@Reference HttpPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = forwarded((HttpServletRequest) req);
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (isApi(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        String type = request.getContentType();
        String charset = charset(type);
        if (charset != null && !supported(charset)) {
            refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "The charset '" + printable(charset)
                    + "' of the request is not known; send UTF-8.");
            return;
        }
        boolean form = type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
        boolean multipart = type != null && type.toLowerCase().startsWith("multipart/form-data");
        long limit = form ? Math.min(policy.maxFormBytes(), policy.maxBodyBytes())
                : multipart ? Math.max(policy.maxMultipartBytes(), policy.maxBodyBytes()) : policy.maxBodyBytes();
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(request, response, 413, tooLarge(limit));
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            if (form) { // browsers always send a form's length; Jetty reads forms itself, past any wrapper
                refuse(request, response, 411, "A form must be sent with its length (Content-Length).");
                return;
            }
            byte[] body = readAtMost(request.getInputStream(), limit);
            if (body == null) {
                refuse(request, response, 413, tooLarge(limit));
                return;
            }
            request = new Buffered(request, body);
        }
        chain.doFilter(request, response);
    }

    private HttpServletRequest forwarded(HttpServletRequest request) {
        TrustedProxies trusted = policy.proxies();
        if (trusted.isEmpty()) {
            return request;
        }
        TrustedProxies.Origin origin = trusted.origin(request.getRemoteAddr(), request.getScheme(),
                headers(request, "X-Forwarded-For"), headers(request, "X-Forwarded-Proto"), headers(request, "Forwarded"));
        if (origin.address().equals(request.getRemoteAddr()) && origin.scheme().equals(request.getScheme())) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return origin.address();
            }

            @Override
            public String getRemoteHost() {
                return origin.address();
            }

            @Override
            public String getScheme() {
                return origin.scheme();
            }

            @Override
            public boolean isSecure() {
                return "https".equals(origin.scheme());
            }
        };
    }

    private static List<String> headers(HttpServletRequest request, String name) {
        return Collections.list(request.getHeaders(name));
    }

    static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && (uri.equals("/api") || uri.startsWith("/api/"));
    }

    /** @return the {@code charset} parameter of a media type, unquoted, or {@code null} */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String value = p.substring(8).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static String tooLarge(long limit) {
        return "The request is larger than the " + limit + " bytes this address accepts.";
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        request.setAttribute(MESSAGE, message);
        response.setHeader("Connection", "close"); // the unread body is not worth reading
        response.sendError(status);
    }

    /** @return the stream's bytes, or {@code null} as soon as there are more than {@code limit} */
    static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0;) {
            if (out.size() + (long) n > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A request whose (chunked) body has been read into memory, within the limit, and is read again from there. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body has already been read");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), encoding == null ? "UTF-8" : encoding));
        }
    }
}
