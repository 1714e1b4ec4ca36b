package io.huikuan.correspondence;

/** Message and letter templates on H2. */
class TemplateIntegrationTests extends TemplateBehaviour {
}
