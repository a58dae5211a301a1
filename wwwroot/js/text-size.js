// The reader's text size (the "Smaller text" / "Larger text" tools), remembered between pages. Loaded without defer
// in <head>, so the remembered size is on <html> before anything is painted; a deferred script would apply it only
// after the first paint and the page would visibly jump. Without JavaScript the buttons stay hidden.
(function () {
    "use strict";
    var key = "newsportal.textSize";
    var smallest = 1, largest = 5, normal = 2;
    var root = document.documentElement;
    var current = normal;

    // Storage can be refused (blocked site data, some private windows): then the size lasts for this page only.
    function read() {
        try {
            var stored = parseInt(window.localStorage.getItem(key), 10);
            return stored >= smallest && stored <= largest ? stored : current;
        } catch (e) {
            return current;
        }
    }

    function remember(size) {
        try { window.localStorage.setItem(key, String(size)); } catch (e) { /* kept for this page only */ }
    }

    function apply(size) {
        current = size;
        for (var s = smallest; s <= largest; s++) root.classList.remove("text-size-" + s);
        root.classList.add("text-size-" + size);
    }

    apply(read());

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll(".text-size-tool").forEach(function (item) { item.hidden = false; });
        document.querySelectorAll("[data-text-size]").forEach(function (button) {
            button.addEventListener("click", function () {
                var size = read() + (button.getAttribute("data-text-size") === "larger" ? 1 : -1);
                size = Math.min(largest, Math.max(smallest, size));
                remember(size);
                apply(size);
            });
        });
    });
})();
