/* Wat Werkt: the search boxes of the home page and the 404 page. In the HTML they lead to the
   list of interventions, which says what a reader without JavaScript can do there (a search
   form that reloads the page with nothing found would say nothing). With JavaScript they go
   where Material's search opens with the query (`data-ww-search-here`, the home page). */
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-ww-search-here]");
  for (var i = 0; i < forms.length; i++) {
    forms[i].setAttribute("action", forms[i].getAttribute("data-ww-search-here"));
  }
})();
