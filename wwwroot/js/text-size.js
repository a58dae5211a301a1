// The reader's text size (the "Smaller text" / "Larger text" tools), remembered between pages. Loaded without defer
// in <head>, so the remembered size is on <html> before anything is painted; a deferred script would apply it only
// after the first paint and the page would visibly jump. Without JavaScript the buttons stay hidden.
(function () {
    "use strict";
    var key = "newsportal.textSize";
    var smallest = 1, largest = 5, normal = 2;
    var root = document.documentElement;

    function read() {
        var stored = parseInt(window.localStorage.getItem(key), 10);
        return stored >= smallest && stored <= largest ? stored : normal;
    }

    function apply(size) {
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
                window.localStorage.setItem(key, String(size));
                apply(size);
            });
        });
    });
})();
