// Live preview of the item body: the server renders it with the same pipeline as the public page.
// Without JavaScript the form's "Preview" button does the same in a full round trip.
(function () {
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
        var body = document.querySelector("textarea[data-live-preview]");
        if (!body) return;
        var target = document.querySelector(body.getAttribute("data-live-preview"));
        var panel = target && target.closest(".live-preview-panel");
        var token = body.form && body.form.querySelector("input[name='__RequestVerificationToken']");
        if (!target || !panel || !token) return;
        panel.hidden = false;
        panel.parentElement.classList.add("with-preview");

        var timer = null, sent = 0;
        function render() {
            var request = ++sent;
            var data = new FormData();
            data.append("body", body.value);
            data.append("__RequestVerificationToken", token.value);
            fetch("/admin/items/preview", { method: "POST", body: data, credentials: "same-origin" })
                .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
                .then(function (html) { if (request === sent) target.innerHTML = html; })
                .catch(function () { if (request === sent) target.textContent = "The preview is not available right now."; });
        }
        body.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(render, 300);
        });
        render();
    });
})();
