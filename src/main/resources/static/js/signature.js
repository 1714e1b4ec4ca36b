// The debtor portal's drawn signature (balance confirmation): draw on the canvas with a finger, pen or mouse; each
// finished stroke writes the drawing as a PNG data URL into the hidden field signatureImage; "clear" empties both.
// Loaded as a file: the CSP allows no inline script.
(function () {
  'use strict';
  function init() {
    var canvas = document.getElementById('signature-canvas');
    var field = document.getElementById('signature-image');
    var clear = document.getElementById('signature-clear');
    if (!canvas || !field || !canvas.getContext) {
      return;
    }
    var ctx = canvas.getContext('2d');
    var drawing = false;
    var last = null;

    function point(e) {
      var r = canvas.getBoundingClientRect();
      return {x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height};
    }
    function start(e) {
      drawing = true;
      last = point(e);
      if (canvas.setPointerCapture) {
        canvas.setPointerCapture(e.pointerId);
      }
      ctx.beginPath();
      ctx.arc(last.x, last.y, 1.2, 0, 2 * Math.PI);
      ctx.fillStyle = '#111';
      ctx.fill();
      e.preventDefault();
    }
    function move(e) {
      if (!drawing) {
        return;
      }
      var p = point(e);
      ctx.beginPath();
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(p.x, p.y);
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 2.5;
      ctx.lineCap = 'round';
      ctx.stroke();
      last = p;
      e.preventDefault();
    }
    function end() {
      if (drawing) {
        drawing = false;
        field.value = canvas.toDataURL('image/png');
      }
    }
    canvas.addEventListener('pointerdown', start);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener('pointerleave', end);
    canvas.addEventListener('lostpointercapture', end);
    document.addEventListener('pointerup', end);
    document.addEventListener('mouseup', end);
    if (clear) {
      clear.addEventListener('click', function () {
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        field.value = '';
      });
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
