package com.partnerflow.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the mails from their Thymeleaf templates in {@code classpath:/mail/}: {@code <name>.txt} (TEXT mode) for the
 * text part and {@code <name>.html} (HTML mode, in {@code layout.html}) for the HTML part. The first line of the text
 * template is the subject, then an empty line, then the body. Every model gets {@code links} ({@link PublicLinks})
 * and {@code format} ({@link MailFormat}).
 *
 * <p>Its own engines, never beans: the web's Thymeleaf (templates/, Spring Boot's auto-configuration) stays as it is.
 */
@Component
public class MailTemplates {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");

    private final SpringTemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final SpringTemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final PublicLinks links;
    private final MailFormat format;

    MailTemplates(PublicLinks links, Clock clock) {
        this.links = links;
        this.format = new MailFormat(clock.getZone());
    }

    /** One mail to one recipient. */
    public Mail mail(String recipient, String template, Map<String, ?> model) {
        return mails(List.of(recipient), template, model).get(0);
    }

    /** The same mail to each distinct recipient, rendered once; none for no recipient. */
    public List<Mail> mails(Collection<String> recipients, String template, Map<String, ?> model) {
        Collection<String> distinct = new LinkedHashSet<>(recipients);
        if (distinct.isEmpty()) {
            return List.of();
        }
        Context context = new Context(RUSSIAN);
        model.forEach(context::setVariable);
        context.setVariable("links", links);
        context.setVariable("format", format);
        // conditional blocks leave their line ends behind: at most one empty line in a row, no trailing spaces
        String rendered = text.process(template, context).stripLeading().replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n");
        int subjectEnds = rendered.indexOf("\n\n");
        if (subjectEnds < 1) {
            throw new IllegalStateException("Mail template " + template + ".txt must start with the subject and an empty line");
        }
        String subject = rendered.substring(0, subjectEnds).strip();
        String body = rendered.substring(subjectEnds + 2).strip() + "\n";
        context.setVariable("subject", subject);
        // a mail template's root is its layout's <html>: the doctype outside it is the layout's, and not carried over
        String page = "<!DOCTYPE html>\n" + html.process(template, context).strip() + "\n";
        return distinct.stream().map(recipient -> new Mail(recipient, subject, body, page)).toList();
    }

    private static SpringTemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setEnableSpringELCompiler(true);
        return engine;
    }
}
