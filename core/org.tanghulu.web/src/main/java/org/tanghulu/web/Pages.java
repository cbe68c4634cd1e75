package org.tanghulu.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import org.tanghulu.api.definition.LocalizedText;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

/**
 * Renders a bundle's FreeMarker pages ({@code /templates/*.ftlh} in the bundle of the anchor class),
 * HTML-escaped by default, with this bundle's {@code /layout.ftlh} and {@code /error.ftlh} available to
 * them. Every page gets {@code t("key", args...)} for texts and {@code tx(localizedText)} for data in
 * the visitor's language.
 */
public final class Pages {

    private final Configuration configuration;

    /** @param anchor a class of the bundle whose {@code /templates} are rendered */
    public Pages(Class<?> anchor) {
        configuration = new Configuration(Configuration.VERSION_2_3_33);
        configuration.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
                new ClassTemplateLoader(anchor, "/templates"),
                new ClassTemplateLoader(Pages.class, "/org/tanghulu/web/templates") }));
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build());
    }

    /**
     * @param template the template's name, e.g. {@code home.ftlh}
     * @param model the page's data; {@code t} and {@code tx} are added
     */
    public void render(Writer out, String template, Map<String, Object> model, Texts texts) throws IOException {
        Map<String, Object> all = new java.util.HashMap<>(model);
        all.put("t", (TemplateMethodModelEx) args -> text(texts, args));
        all.put("tx", (TemplateMethodModelEx) args -> args.isEmpty() ? new SimpleScalar("")
                : new SimpleScalar(texts.pick((LocalizedText) DeepUnwrap.unwrap(
                        (freemarker.template.TemplateModel) args.get(0)))));
        all.put("lang", texts.locale().getLanguage());
        try {
            // one write to the response per 8 KB, not per piece of the template (issue 13: the catalog's page at
            // Haidian's scale spent a third of its time in the response writer)
            Writer buffered = new java.io.BufferedWriter(out, 8192);
            configuration.getTemplate(template).process(all, buffered);
            buffered.flush();
        } catch (TemplateException e) {
            throw new IllegalStateException("page " + template + " failed: " + e.getMessage(), e);
        }
    }

    private static SimpleScalar text(Texts texts, List<?> args) throws TemplateModelException {
        if (args.isEmpty()) {
            throw new TemplateModelException("t() needs a key");
        }
        Object[] rest = new Object[args.size() - 1];
        for (int i = 1; i < args.size(); i++) {
            rest[i - 1] = DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(i));
        }
        return new SimpleScalar(texts.get(String.valueOf(DeepUnwrap.unwrap(
                (freemarker.template.TemplateModel) args.get(0))), rest));
    }
}
