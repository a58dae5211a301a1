// "Additional tools": print. Without JavaScript "Print version" opens the print layout as a page. The text size
// tools live in text-size.js, which must run before the first paint.
(function () {
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("[data-print]").forEach(function (link) {
            link.addEventListener("click", function (event) {
                event.preventDefault();
                window.print();
            });
        });
    });
})();
