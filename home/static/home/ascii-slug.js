/*
 * ASCII slugs from Vietnamese titles in the Wagtail editor.
 *
 * With WAGTAIL_ALLOW_UNICODE_SLUGS = False, Wagtail's slug controller transliterates with
 * per-language maps that know no Vietnamese: tone-marked vowels and "đ" are dropped or mangled.
 * After each update of a slug field (typed title, or the slug itself), the value is made
 * again from the same text: letters decomposed, tone and vowel marks dropped, "đ" as "d".
 * "Nông dân Đắk Mil bán cà phê qua livestream" → "nong-dan-dak-mil-ban-ca-phe-qua-livestream".
 */
(function () {
    'use strict';

    function asciiSlug(text) {
        return String(text || '')
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .replace(/đ/g, 'd')
            .replace(/Đ/g, 'D')
            .toLowerCase()
            .replace(/[^a-z0-9\s_-]/g, '')
            .trim()
            .replace(/[-\s]+/g, '-')
            .substring(0, 255)
            .replace(/-+$/g, '');
    }

    window.dxAsciiSlug = asciiSlug;

    document.addEventListener('w-slug:applied', function (event) {
        var detail = event.detail || {};
        var slug = asciiSlug(detail.sourceValue);
        if (slug && event.target && 'value' in event.target) {
            event.target.value = slug;
        }
    });
})();
