@Configuration
class WebConfiguration {
    @Bean
    public LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
//                                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/java-session-locale
        return resolver;
    }

    // ok: the language in a cookie the browser sends back
    @Bean
    public LocaleResolver cookieResolver() {
        return new CookieLocaleResolver();
    }
}
