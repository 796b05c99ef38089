// Draws each open workflow's model on the student page with bpmn-js (served locally) and marks
// the step it is at now. The model comes from a server route that checks the viewer may see
// that instance; the current step ids are in the container's data-current.
(function () {
  if (typeof BpmnJS === 'undefined') { return; }
  document.querySelectorAll('.diagram[data-model-url]').forEach(function (container) {
    fetch(container.dataset.modelUrl, { credentials: 'same-origin', headers: { Accept: 'application/xml' } })
      .then(function (response) {
        if (!response.ok) { throw new Error('The diagram could not be loaded (' + response.status + ').'); }
        return response.text();
      })
      .then(function (xml) {
        const viewer = new BpmnJS({ container: container });
        return viewer.importXML(xml).then(function () {
          const canvas = viewer.get('canvas');
          canvas.zoom('fit-viewport');
          (container.dataset.current || '').split(' ').filter(Boolean).forEach(function (id) {
            try { canvas.addMarker(id, 'current-step'); } catch (e) { /* a step without a shape */ }
          });
          container.dataset.rendered = 'true';
        });
      })
      .catch(function (error) {
        const message = document.createElement('p');
        message.className = 'error';
        message.textContent = error.message || 'The diagram could not be drawn.';
        container.replaceChildren(message);
        container.dataset.rendered = 'failed';
      });
  });
})();
